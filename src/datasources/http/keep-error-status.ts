import { VendorError } from '../../errors';
import type { VendorResponse } from './vendor-http-client';

/**
 * For error statuses a datasource accepts as data (documented problem answers), a body we cannot read
 * (not JSON, over the size cap) still carries the status. This hands back that status with no body, so
 * the vendor's mapper decides from the status alone instead of reporting VENDOR_BAD_RESPONSE.
 */
export async function keepErrorStatus(send: () => Promise<VendorResponse>): Promise<VendorResponse> {
  try {
    return await send();
  } catch (error) {
    // Statuses not accepted never become VENDOR_BAD_RESPONSE at 4xx/5xx: this is only an unreadable accepted body.
    if (error instanceof VendorError && error.code === 'VENDOR_BAD_RESPONSE' && (error.httpStatus ?? 0) >= 400) {
      return { status: error.httpStatus as number, headers: {}, body: undefined };
    }
    throw error;
  }
}
