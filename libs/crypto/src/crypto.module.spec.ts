import { randomBytes } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { describe, expect, it } from 'vitest';
import { ConfigModule, type WorkerConfig } from '@app/config';
import { RoutedDb } from '@app/database';
import { CryptoModule } from './crypto.module.js';
import { KeyRingService } from './key-ring.service.js';
import { MasterKeyCheck } from './master-key-check.js';

/** The database the master key check reads (not reached: compile() runs no lifecycle hook). */
@Global()
@Module({ providers: [{ provide: RoutedDb, useValue: {} }], exports: [RoutedDb] })
class FakeDatabaseModule {}

describe('CryptoModule', () => {
  it('provides KeyRingService from the app config, without a clock provider', async () => {
    const config = {
      MASTER_KEY: randomBytes(32).toString('base64'),
      MASTER_KEY_PREVIOUS: [],
      DATA_KEY_CACHE_SECONDS: 300,
    };
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config as unknown as WorkerConfig), FakeDatabaseModule, CryptoModule],
    }).compile();
    expect(moduleRef.get(KeyRingService)).toBeInstanceOf(KeyRingService);
    expect(moduleRef.get(MasterKeyCheck)).toBeInstanceOf(MasterKeyCheck);
    await moduleRef.close();
  });
});
