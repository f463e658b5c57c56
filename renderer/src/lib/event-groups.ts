/**
 * Event choices per sender, grouped as each system names them, for the
 * destination editor's checklist. Teamcrop's groups are exactly those of
 * Teamcrop's webhook screen (Sales → Sales settings → Webhook), in both languages.
 */
export interface EventGroup {
  name: { en: string; vi: string };
  events: string[];
}

export interface SenderGroups {
  sender: 'teamcrop' | 'magento' | 'shopify' | 'woocommerce';
  groups: EventGroup[];
}

export const eventGroups: SenderGroups[] = [
  {
    sender: 'teamcrop',
    groups: [
      {
        name: { en: 'Orders', vi: 'Đơn hàng' },
        events: [
          'order.add',
          'order.edit',
          'order.additem',
          'order.edititem',
          'order.deleteitem',
          'promotion.add',
          'promotion.edit',
        ],
      },
      { name: { en: 'Stock', vi: 'Tồn kho' }, events: ['productreceipt.add', 'productreceipt.edit'] },
      { name: { en: 'Cash book', vi: 'Sổ quỹ' }, events: ['cashflow.add', 'cashflow.edit'] },
      { name: { en: 'Customers', vi: 'Khách hàng' }, events: ['customer.add', 'customer.edit', 'supportticket.add'] },
      {
        name: { en: 'Products', vi: 'Sản phẩm' },
        events: [
          'product.add',
          'product.edit',
          'product.delete',
          'product.addsku',
          'product.editsku',
          'product.deletesku',
        ],
      },
    ],
  },
  {
    sender: 'magento',
    groups: [
      { name: { en: 'Cart', vi: 'Giỏ hàng' }, events: ['checkout_cart_save_after', 'checkout_cart_product_add_after'] },
      { name: { en: 'Customer', vi: 'Khách hàng' }, events: ['customer_save_after', 'customer_register_success'] },
      { name: { en: 'Order', vi: 'Đơn hàng' }, events: ['sales_order_place_after', 'sales_order_save_after'] },
      { name: { en: 'Payment', vi: 'Thanh toán' }, events: ['sales_order_payment_capture', 'sales_order_invoice_pay'] },
    ],
  },
  {
    sender: 'shopify',
    groups: [
      {
        name: { en: 'Orders', vi: 'Đơn hàng' },
        events: ['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled'],
      },
      { name: { en: 'Customers', vi: 'Khách hàng' }, events: ['customers/create', 'customers/update'] },
      { name: { en: 'Carts', vi: 'Giỏ hàng' }, events: ['carts/create', 'carts/update'] },
    ],
  },
  {
    sender: 'woocommerce',
    groups: [
      { name: { en: 'Orders', vi: 'Đơn hàng' }, events: ['order.created', 'order.updated', 'order.deleted'] },
      { name: { en: 'Customers', vi: 'Khách hàng' }, events: ['customer.created', 'customer.updated'] },
      { name: { en: 'Products', vi: 'Sản phẩm' }, events: ['product.created', 'product.updated'] },
    ],
  },
];

export const knownEvents = new Set(eventGroups.flatMap((sender) => sender.groups.flatMap((group) => group.events)));
