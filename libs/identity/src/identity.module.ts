import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyHasher, loadPepper } from './api-key-secret';
import { API_KEY_HASHER, IdentityService } from './identity.service';
import { IssueApiKeyController } from './issue-api-key/issue-api-key.controller';
import { IssueApiKeyHandler } from './issue-api-key/issue-api-key.handler';
import { ListApiKeysController } from './list-api-keys/list-api-keys.controller';
import { RevokeApiKeyController } from './revoke-api-key/revoke-api-key.controller';
import { RevokeApiKeyHandler } from './revoke-api-key/revoke-api-key.handler';

/** API keys: who the caller is, for which department, in which role. */
@Module({
  // The router's routes are discoverable, so that a test can walk every one and its access rule.
  imports: [DiscoveryModule, CqrsModule],
  controllers: [IssueApiKeyController, ListApiKeysController, RevokeApiKeyController],
  providers: [
    IdentityService,
    IssueApiKeyHandler,
    RevokeApiKeyHandler,
    {
      provide: API_KEY_HASHER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new ApiKeyHasher(loadPepper({ pepper: config.keyPepper, dataDir: config.dataDir, distributed: Boolean(config.eventStoreUrl) })),
    },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
  exports: [IdentityService],
})
export class IdentityModule {}
