import { Injectable, PipeTransform } from '@nestjs/common';
import { GroupErrors } from './groups.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A group id that cannot exist is simply not found (API.md), never a database error. */
@Injectable()
export class GroupIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw GroupErrors.notFound();
    return value;
  }
}
