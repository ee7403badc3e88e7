import { randomBytes } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { describe, expect, it } from 'vitest';
import { ConfigModule, type WorkerConfig } from '@app/config';
import { CryptoModule } from './crypto.module.js';
import { KeyRingService } from './key-ring.service.js';

describe('CryptoModule', () => {
  it('provides KeyRingService from the app config, without a clock provider', async () => {
    const config = {
      MASTER_KEY: randomBytes(32).toString('base64'),
      MASTER_KEY_PREVIOUS: [],
      DATA_KEY_CACHE_SECONDS: 300,
    };
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config as unknown as WorkerConfig), CryptoModule],
    }).compile();
    expect(moduleRef.get(KeyRingService)).toBeInstanceOf(KeyRingService);
    await moduleRef.close();
  });
});
