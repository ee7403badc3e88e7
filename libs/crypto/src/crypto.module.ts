import { Global, Module } from '@nestjs/common';
import { KeyRingService } from './key-ring.service.js';
import { MasterKeyCheck } from './master-key-check.js';

/**
 * Field encryption and blind indexes for every module; needs ConfigModule (APP_CONFIG) and the
 * database (the master key is checked against the deployment's before anything starts).
 */
@Global()
@Module({ providers: [KeyRingService, MasterKeyCheck], exports: [KeyRingService, MasterKeyCheck] })
export class CryptoModule {}
