import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@app/platform/access';
import { ProjectionsService } from '@app/platform';
import { ApiProblems } from '@app/platform/http';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('projections')
export class ProjectionsController {
  constructor(private readonly projections: ProjectionsService) {}

  @Get()
  @Access('audit')
  @ApiOperation({ summary: 'Status of every projection: generation, position, head, lag, state' })
  @ApiOkResponse({ description: 'One entry per projection' })
  @ApiProblems(401, 403)
  status() {
    return this.projections.status();
  }

  @Post(':name/rebuild')
  @Access('department-admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Rebuild a read model from the event log into a fresh copy, swapped in when caught up; runs as a job' })
  @ApiAcceptedResponse({ description: 'The job; follow it at /projections/rebuilds/{jobId}' })
  @ApiProblems(401, 403, 404)
  rebuild(@Param('name') name: string) {
    return this.projections.requestRebuild(name);
  }

  @Get('rebuilds/:jobId')
  @Access('audit')
  @ApiOperation({ summary: 'Status of a rebuild job' })
  @ApiOkResponse({ description: 'The job status, with the rebuild result once completed' })
  @ApiProblems(401, 403, 404)
  rebuildStatus(@Param('jobId') jobId: string) {
    return this.projections.rebuildStatus(jobId);
  }
}
