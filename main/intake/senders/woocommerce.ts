import { type Headers, headerValue } from '../headers.js';
import type { Sender } from './sender.js';

/** WooCommerce: the topic in `X-WC-Webhook-Topic`, a base64 HMAC-SHA256 in `X-WC-Webhook-Signature`. */
export const woocommerce: Sender = {
  kind: 'woocommerce',
  label: { en: 'WooCommerce', vi: 'WooCommerce' },
  guide: {
    en: 'In WordPress: WooCommerce → Settings → Advanced → Webhooks → Add webhook. Paste this source’s intake address into WooCommerce’s Delivery URL field, and put the same secret in WooCommerce’s Secret field and in Secret here.',
    vi: 'Trong WordPress: “WooCommerce → Cài đặt → Nâng cao → Webhooks → Thêm webhook”. Dán địa chỉ nhận của nguồn này vào ô “Delivery URL” (tên ô do WooCommerce đặt, bằng tiếng Anh), rồi điền cùng một khóa bí mật vào ô “Secret” của WooCommerce và ô “Khóa bí mật” ở đây.',
  },
  verification: {
    recommended: 'hmac',
    signature: { header: 'X-WC-Webhook-Signature', encoding: 'base64' },
    headerExample: null,
  },
  groups: [
    {
      id: 'orders',
      label: { en: 'Orders', vi: 'Đơn hàng' },
      events: ['order.created', 'order.updated', 'order.deleted'],
    },
    { id: 'customers', label: { en: 'Customers', vi: 'Khách hàng' }, events: ['customer.created', 'customer.updated'] },
    { id: 'products', label: { en: 'Products', vi: 'Sản phẩm' }, events: ['product.created', 'product.updated'] },
  ],
  eventTypeHeaders: ['x-wc-webhook-topic'],
  deliveryIdHeaders: ['x-wc-webhook-delivery-id'],
  secretHeaders: ['x-wc-webhook-signature'],
  summaries: [
    {
      type: /^order\./,
      reference: ['number', 'id'],
      amount: { fields: ['total'], currency: { field: 'currency' } },
      who: ['billing.first_name billing.last_name', 'billing.email'],
      countries: ['billing.country', 'shipping.country'],
    },
    {
      type: /^customer\./,
      reference: ['first_name last_name', 'id'],
      who: ['email'],
      countries: ['billing.country', 'shipping.country'],
    },
  ],
  isAddressCheck: isCreationPing,
};

/** WooCommerce checks a new webhook's address with an unsigned form post of `webhook_id=N`. */
function isCreationPing(headers: Headers, raw: Buffer): boolean {
  return !headerValue(headers, 'x-wc-webhook-topic') && /^webhook_id=\d+$/.test(raw.toString('latin1').trim());
}
