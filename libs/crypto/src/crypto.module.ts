import { TypeOrmModule } from '@nestjs/typeorm';
import { Global, Module } from '@nestjs/common';
import { KeyRingService } from './key-ring.service.js';
import { MasterKeyCheck } from './master-key-check.js';
import { CRYPTO_ENTITIES } from './crypto.entities.js';

/**
 * Field encryption and blind indexes for every module; needs ConfigModule (APP_CONFIG) and the
 * database (the master key is checked against the deployment's before anything starts).
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(CRYPTO_ENTITIES)],
  providers: [KeyRingService, MasterKeyCheck],
  exports: [KeyRingService, MasterKeyCheck],
})
export class CryptoModule {}
