import { Global, Module } from '@nestjs/common';
import { KeyRingService } from './key-ring.service.js';

/** Field encryption and blind indexes for every module; needs ConfigModule (APP_CONFIG). */
@Global()
@Module({ providers: [KeyRingService], exports: [KeyRingService] })
export class CryptoModule {}
