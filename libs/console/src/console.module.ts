import { Module } from '@nestjs/common';
import { ConsoleController } from './console.controller.js';

/** The console's pages for an app that imports it (both do). */
@Module({ controllers: [ConsoleController] })
export class ConsoleModule {}
