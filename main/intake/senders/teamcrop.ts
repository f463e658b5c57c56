import type { Sender } from './sender.js';

/**
 * Teamcrop POS (Vietnam): Sales → Sales settings → Webhook → Add. It names the
 * event in `Tc-Webhook-Event` and does not sign; a custom header the merchant
 * adds there is its verification. Its groups are those of that screen, promotions apart.
 */
export const teamcrop: Sender = {
  kind: 'teamcrop',
  label: { en: 'Teamcrop POS', vi: 'Teamcrop POS' },
  guide: {
    en: 'In Teamcrop: Sales → Sales settings → Webhook → Add. Pick the event group and event, paste this source’s intake address, and save. To lock it down, add a custom header (for example X-Shop-Key with a long value) in Teamcrop and the same here as a required header.',
    vi: 'Trong Teamcrop: “Bán hàng → Cài đặt bán hàng → Webhook → Thêm”. Chọn nhóm sự kiện và sự kiện, dán địa chỉ nhận của nguồn này rồi lưu. Để bảo mật, thêm một trường tiêu đề tùy chỉnh (header) trong Teamcrop (ví dụ X-Shop-Key với giá trị dài), rồi ở đây chọn Xác thực “Khóa bí mật gửi kèm” với cùng tên và cùng giá trị đó.',
  },
  verification: { recommended: 'header', signature: null, headerExample: 'X-Shop-Key' },
  groups: [
    {
      id: 'orders',
      label: { en: 'Orders', vi: 'Đơn hàng' },
      events: ['order.add', 'order.edit', 'order.additem', 'order.edititem', 'order.deleteitem'],
    },
    // Teamcrop's screen lists promotions under orders; here they are apart, so ticking Orders for an order system
    // (Zithara, a warehouse) sends it no promotion.
    { id: 'promotions', label: { en: 'Promotions', vi: 'Khuyến mãi' }, events: ['promotion.add', 'promotion.edit'] },
    { id: 'stock', label: { en: 'Stock', vi: 'Tồn kho' }, events: ['productreceipt.add', 'productreceipt.edit'] },
    { id: 'cashbook', label: { en: 'Cash book', vi: 'Sổ quỹ' }, events: ['cashflow.add', 'cashflow.edit'] },
    {
      id: 'customers',
      label: { en: 'Customers', vi: 'Khách hàng' },
      events: ['customer.add', 'customer.edit', 'supportticket.add'],
    },
    {
      id: 'products',
      label: { en: 'Products', vi: 'Sản phẩm' },
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
  eventTypeHeaders: ['tc-webhook-event'],
  deliveryIdHeaders: [],
  secretHeaders: [],
  summaries: [
    // A line of an order: which order it belongs to and what it adds, not its own line number. The order by the
    // invoice number the shopkeeper knows, not Teamcrop's internal id: the line's own, else its stored order's.
    {
      type: /^order\.(additem|edititem|deleteitem)$/,
      reference: ['invoice_id', 'order_id'],
      order: { field: 'order_id', reference: ['invoice_id'] },
      amount: { fields: ['price_final', 'price'], currency: { code: 'VND' } },
      who: ['product_name', 'name', 'sku'],
    },
    {
      type: /^order\./,
      reference: ['invoice_id', 'id'],
      amount: { fields: ['price_final'], currency: { code: 'VND' } },
      who: ['billing_full_name', 'shipping_full_name', 'contact_email'],
    },
    { type: /^customer\./, reference: ['full_name', 'name'], who: ['phone', 'email'] },
    { type: /^product\./, reference: ['name', 'id'], who: ['sku', 'code'] },
    {
      type: /^(cashflow|productreceipt)\./,
      reference: ['code', 'id'],
      amount: { fields: ['value', 'price_final', 'amount'], currency: { code: 'VND' } },
    },
  ],
};
