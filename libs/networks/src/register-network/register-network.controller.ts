import { Body, Post } from '@nestjs/common';
import { Access } from '@app/platform/access';
import { ApiController, Caller, CommandContext, WriteController, WriteEndpoint } from '@app/platform/http';
import { RegisterNetworkCommand } from './register-network.command';
import { RegisterNetworkDto } from './register-network.dto';

@ApiController('networks')
export class RegisterNetworkController extends WriteController {
  @Post()
  @Access('records')
  @WriteEndpoint({
    summary: 'Register a network: an educational district, a council of heads, a partnership',
    status: 201,
    location: '/networks/:id',
    problems: [400, 401, 409, 422],
  })
  register(@Body() body: RegisterNetworkDto, @Caller() caller: CommandContext) {
    return this.commands.execute(new RegisterNetworkCommand(body, caller));
  }
}
