import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { metadataFor, newId, streamName } from '@app/kernel';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CurrentPrincipal, Principal } from '@app/identity/principal';
import { Access } from '@app/identity/access';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@app/personal-data/personal-data-vault.port';
import { ApiProblems, IdPipe, IsNotBlank, RequestContext, commandContextFrom } from '@app/platform/http';

export class ErasePersonDto {
  @ApiProperty({ description: 'Why the data is erased (e.g. the request it answers)', example: 'Запит суб’єкта персональних даних від 12.03.2024' })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  reason: string;
}

export class ErasedPersonDto {
  @ApiProperty() personId: string;
  @ApiProperty() erasedAt: string;
  @ApiProperty() erasedBy: string;
  @ApiProperty() reason: string;
  @ApiProperty({ description: 'Global position of the recorded erasure (for consistentWith)' }) position: number;
}

/** Stream that records, with ids only, that a person's data was erased. */
export const personStream = (personId: string): string => streamName('Person', personId);

/**
 * Erasure on request: the vault forgets the person's name; the event log keeps that it
 * happened (who, when, why), never the name. Readers then show the person as erased.
 */
@ApiTags('personal data')
@ApiBearerAuth()
@Controller('people')
export class ErasePersonController {
  constructor(
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post(':personId/erasure')
  @Access('department-admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Erase a person’s personal data on request; the history keeps that it was erased, by whom and why' })
  @ApiOkResponse({ type: ErasedPersonDto })
  @ApiProblems(400, 401, 403, 404)
  async erase(
    @Param('personId', IdPipe) personId: string,
    @Body() body: ErasePersonDto,
    @CurrentPrincipal() principal: Principal,
    @RequestContext() request: RequestContext,
  ): Promise<ErasedPersonDto> {
    const context = commandContextFrom(principal, request, body.reason.trim());
    const erased = await this.vault.erase(principal.department, personId, {
      actorId: principal.actorId,
      reason: body.reason.trim(),
      at: context.receivedAt.toISOString(),
    });
    // Recorded after the vault forgot: a retry finds the tombstone and records the fact once.
    const existing = await this.store.readStream(personStream(personId));
    const result = existing.length
      ? { position: existing[existing.length - 1].position }
      : await this.store.append(
          personStream(personId),
          [{ id: newId(), type: 'PersonalDataErased', data: { personId, erasedAt: erased.erasedAt }, metadata: metadataFor(context) }],
          { expectedRevision: 'any' },
        );
    return { personId, erasedAt: erased.erasedAt, erasedBy: erased.erasedBy, reason: erased.reason, position: result.position };
  }
}
