import { ConsoleLogger } from '@nestjs/common';

/** One JSON object per line in production (LOG_FORMAT=json or NODE_ENV=production). */
export class JsonLogger extends ConsoleLogger {
  constructor() {
    super({ json: true, colors: false });
  }
}
