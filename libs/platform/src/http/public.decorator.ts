import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'kintsugi:public';

/** Opens a route to callers without a token (register, login, health…). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
