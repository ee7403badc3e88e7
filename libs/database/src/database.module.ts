import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { DataSource, type EntitySchema } from 'typeorm';
import { PIPELINED } from './connection.js';
import { PartitionMaintenance } from './partition-maintenance.js';
import { RoutedDb } from './routed-db.js';
import { TenantDb } from './tenant-db.js';

/**
 * Refuses to run as a role that could bypass row-level security (superuser, BYPASSRLS, or the
 * owner of a tenant table): in production that is fatal, elsewhere a loud warning.
 */
@Injectable()
class AppRoleCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: CoreConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const [role] = (await this.ds.query(`
      SELECT r.rolsuper AS super, r.rolbypassrls AS bypass,
             EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = current_user) AS owner
      FROM pg_roles r WHERE r.rolname = current_user`)) as Array<{
      super: boolean;
      bypass: boolean;
      owner: boolean;
    }>;
    if (!role || (!role.super && !role.bypass && !role.owner)) return;
    const message = 'DATABASE_URL role can bypass row-level security (superuser, BYPASSRLS or table owner)';
    if (this.config.NODE_ENV === 'production') throw new Error(`${message}; refusing to start`);
    this.logger.warn(`${message}; tenant isolation then rests on application code only`);
  }
}

@Global()
@Module({})
export class DatabaseModule {
  /**
   * The process's pool, pipelined (see `TxPipeline`). `applicationName` names its connections in `pg_stat_activity` (e.g.
   * `inbox-api`, `inbox-worker`; the worker's send locks are `inbox-dispatch`), so an operator
   * sees which process holds a connection, a lock or a long transaction.
   */
  static forRoot(
    applicationName: string,
    /** Entities of the libs below the features (which have no DataSource of their own to register with). */
    entities: readonly EntitySchema[] = [],
  ): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: CoreConfig) => ({
            type: 'postgres' as const,
            url: config.DATABASE_URL,
            synchronize: false,
            migrationsRun: false,
            // Plus the EntitySchemas each feature lib's module registers (TypeOrmModule.forFeature).
            entities: [...entities],
            autoLoadEntities: true,
            logging: false,
            extra: { ...PIPELINED, max: config.DATABASE_POOL_SIZE, application_name: applicationName },
          }),
        }),
      ],
      providers: [TenantDb, RoutedDb, PartitionMaintenance, AppRoleCheck],
      exports: [TenantDb, RoutedDb, PartitionMaintenance],
    };
  }
}
