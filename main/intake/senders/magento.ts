import type { Sender } from './sender.js';

/**
 * Magento 2 / Adobe Commerce, through a webhook module that names the event in
 * `X-Magento-Event`. The groups are what a CRM sync needs: carts, customers, orders, payments.
 */
export const magento: Sender = {
  kind: 'magento',
  label: { en: 'Magento', vi: 'Magento' },
  guide: {
    en: 'Have your Magento webhook module send to the intake address with the event name in an X-Magento-Event header.',
    vi: 'Cấu hình mô-đun gửi thông báo tự động của Magento gửi đến địa chỉ nhận, với tên sự kiện trong trường tiêu đề (header) X-Magento-Event.',
  },
  verification: { recommended: 'header', signature: null, headerExample: 'X-Shop-Key' },
  groups: [
    {
      id: 'cart',
      label: { en: 'Cart', vi: 'Giỏ hàng' },
      events: ['checkout_cart_save_after', 'checkout_cart_product_add_after'],
    },
    {
      id: 'customer',
      label: { en: 'Customer', vi: 'Khách hàng' },
      events: ['customer_save_after', 'customer_register_success'],
    },
    {
      id: 'order',
      label: { en: 'Order', vi: 'Đơn hàng' },
      events: ['sales_order_place_after', 'sales_order_save_after'],
    },
    {
      id: 'payment',
      label: { en: 'Payment', vi: 'Thanh toán' },
      events: ['sales_order_payment_capture', 'sales_order_invoice_pay'],
    },
  ],
  eventTypeHeaders: ['x-magento-event'],
  deliveryIdHeaders: [],
  secretHeaders: [],
  summaries: [
    {
      type: /order|payment/,
      reference: ['increment_id', 'order.increment_id', 'entity_id'],
      amount: { fields: ['grand_total', 'order.grand_total'], currency: { field: 'order_currency_code' } },
      who: ['customer_firstname customer_lastname', 'customer_email'],
      // Magento's order as its REST API writes it, at the top or under `order` (the webhook module's envelope).
      countries: ['billing_address.country_id', 'order.billing_address.country_id'],
    },
    { type: /customer/, reference: ['firstname lastname', 'email'], who: ['email'] },
    {
      type: /cart|quote/,
      reference: ['entity_id', 'quote_id'],
      amount: { fields: ['grand_total'], currency: { field: 'quote_currency_code' } },
      who: ['customer_email'],
    },
  ],
};
