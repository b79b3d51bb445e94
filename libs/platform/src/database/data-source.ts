import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnv } from '../config/env';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (`npm run migration:*`). */
export default new DataSource(dataSourceOptions(loadEnv().DATABASE_URL));
