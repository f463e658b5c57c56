import type { Sender } from './sender.js';

/** Shopify: the topic in `X-Shopify-Topic`, an HMAC-SHA256 of the body in base64, its own event id. */
export const shopify: Sender = {
  kind: 'shopify',
  label: { en: 'Shopify', vi: 'Shopify' },
  guide: {
    en: 'In Shopify admin: Settings → Notifications → Webhooks → Create webhook. Paste this source’s intake address, choose JSON, and copy the signing secret shown there into Secret here.',
    vi: 'Trong trang quản trị Shopify: “Cài đặt → Thông báo → Webhook → Tạo webhook”. Dán địa chỉ nhận của nguồn này, chọn JSON, rồi chép khóa ký hiển thị ở đó vào ô “Khóa bí mật” ở đây.',
  },
  verification: {
    recommended: 'hmac',
    signature: { header: 'X-Shopify-Hmac-Sha256', encoding: 'base64' },
    headerExample: null,
  },
  groups: [
    {
      id: 'orders',
      label: { en: 'Orders', vi: 'Đơn hàng' },
      events: ['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled'],
    },
    { id: 'customers', label: { en: 'Customers', vi: 'Khách hàng' }, events: ['customers/create', 'customers/update'] },
    { id: 'carts', label: { en: 'Carts', vi: 'Giỏ hàng' }, events: ['carts/create', 'carts/update'] },
  ],
  eventTypeHeaders: ['x-shopify-topic'],
  deliveryIdHeaders: ['x-shopify-event-id'],
  secretHeaders: ['x-shopify-hmac-sha256'],
  summaries: [
    {
      type: /^orders\//,
      reference: ['name', 'order_number', 'id'],
      amount: { fields: ['total_price'], currency: { field: 'currency' } },
      who: ['customer.first_name customer.last_name', 'email'],
      countries: [
        'billing_address.country_code',
        'shipping_address.country_code',
        'customer.default_address.country_code',
      ],
    },
    {
      type: /^customers\//,
      reference: ['first_name last_name', 'id'],
      who: ['email', 'phone'],
      countries: ['default_address.country_code'],
    },
  ],
};
