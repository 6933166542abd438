import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard';
import { IdentityService } from './identity.service';
import { IssueApiKeyController } from './issue-api-key/issue-api-key.controller';

/** API keys: who the caller is, for which department, in which role. */
@Module({
  controllers: [IssueApiKeyController],
  providers: [IdentityService, { provide: APP_GUARD, useClass: ApiKeyGuard }],
  exports: [IdentityService],
})
export class IdentityModule {}
