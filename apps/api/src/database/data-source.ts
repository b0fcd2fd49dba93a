import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './options';

/** For the TypeORM CLI only (migration:generate against DATABASE_URL). */
export default new DataSource(dataSourceOptions({ url: process.env.DATABASE_URL, poolSize: 2 }));
