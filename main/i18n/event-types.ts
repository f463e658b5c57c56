import type { Reason } from '../api/contract.js';
import { languageOfLocale } from './resources.js';

/**
 * What each event type the senders' checklists offer means, in the merchant's words. The code stays the
 * key (it is what the sender sends, what a destination subscribes to and what search finds), so these are
 * names to show beside it; a type no sender lists (a generic source's own) is shown as it came. A plain
 * table rather than i18next keys: the codes contain dots and slashes, which i18next reads as nesting.
 */
export const eventTypeNames: Record<string, { en: string; vi: string }> = {
  // Teamcrop POS
  'order.add': { en: 'New order', vi: 'Đơn hàng mới' },
  'order.edit': { en: 'Order changed', vi: 'Sửa đơn hàng' },
  'order.additem': { en: 'Item added to an order', vi: 'Thêm sản phẩm vào đơn' },
  'order.edititem': { en: 'Order item changed', vi: 'Sửa sản phẩm trong đơn' },
  'order.deleteitem': { en: 'Item removed from an order', vi: 'Xóa sản phẩm khỏi đơn' },
  'promotion.add': { en: 'New promotion', vi: 'Khuyến mãi mới' },
  'promotion.edit': { en: 'Promotion changed', vi: 'Sửa khuyến mãi' },
  'productreceipt.add': { en: 'New goods receipt', vi: 'Phiếu nhập hàng mới' },
  'productreceipt.edit': { en: 'Goods receipt changed', vi: 'Sửa phiếu nhập hàng' },
  'cashflow.add': { en: 'New cash book entry', vi: 'Phiếu thu chi mới' },
  'cashflow.edit': { en: 'Cash book entry changed', vi: 'Sửa phiếu thu chi' },
  'customer.add': { en: 'New customer', vi: 'Khách hàng mới' },
  'customer.edit': { en: 'Customer changed', vi: 'Sửa khách hàng' },
  'supportticket.add': { en: 'New support ticket', vi: 'Yêu cầu hỗ trợ mới' },
  'product.add': { en: 'New product', vi: 'Sản phẩm mới' },
  'product.edit': { en: 'Product changed', vi: 'Sửa sản phẩm' },
  'product.delete': { en: 'Product deleted', vi: 'Xóa sản phẩm' },
  'product.addsku': { en: 'New product variant (SKU)', vi: 'Thêm mã SKU' },
  'product.editsku': { en: 'Product variant changed', vi: 'Sửa mã SKU' },
  'product.deletesku': { en: 'Product variant deleted', vi: 'Xóa mã SKU' },
  // Shopify
  'orders/create': { en: 'New order', vi: 'Đơn hàng mới' },
  'orders/updated': { en: 'Order changed', vi: 'Đơn hàng được cập nhật' },
  'orders/paid': { en: 'Order paid', vi: 'Đơn hàng đã thanh toán' },
  'orders/cancelled': { en: 'Order cancelled', vi: 'Đơn hàng bị hủy' },
  'customers/create': { en: 'New customer', vi: 'Khách hàng mới' },
  'customers/update': { en: 'Customer changed', vi: 'Khách hàng được cập nhật' },
  'carts/create': { en: 'New cart', vi: 'Giỏ hàng mới' },
  'carts/update': { en: 'Cart changed', vi: 'Giỏ hàng được cập nhật' },
  // Magento
  checkout_cart_save_after: { en: 'Cart saved', vi: 'Giỏ hàng được lưu' },
  checkout_cart_product_add_after: { en: 'Product added to a cart', vi: 'Thêm sản phẩm vào giỏ' },
  customer_save_after: { en: 'Customer saved', vi: 'Khách hàng được lưu' },
  customer_register_success: { en: 'New customer registered', vi: 'Khách hàng đăng ký mới' },
  sales_order_place_after: { en: 'New order', vi: 'Đơn hàng mới' },
  sales_order_save_after: { en: 'Order saved', vi: 'Đơn hàng được lưu' },
  sales_order_payment_capture: { en: 'Payment captured', vi: 'Đã thu tiền thanh toán' },
  sales_order_invoice_pay: { en: 'Invoice paid', vi: 'Hóa đơn đã thanh toán' },
  // WooCommerce
  'order.created': { en: 'New order', vi: 'Đơn hàng mới' },
  'order.updated': { en: 'Order changed', vi: 'Đơn hàng được cập nhật' },
  'order.deleted': { en: 'Order deleted', vi: 'Đơn hàng bị xóa' },
  'customer.created': { en: 'New customer', vi: 'Khách hàng mới' },
  'customer.updated': { en: 'Customer changed', vi: 'Khách hàng được cập nhật' },
  'product.created': { en: 'New product', vi: 'Sản phẩm mới' },
  'product.updated': { en: 'Product changed', vi: 'Sản phẩm được cập nhật' },
  // Hookferry's own
  'hookferry.test': { en: 'Test event', vi: 'Sự kiện thử' },
  unknown: { en: 'Type not given', vi: 'Không rõ loại' },
};

/** The type's name in a language (`vi`, `en`, or a regional form such as `vi-VN`), or the code itself. */
export function eventTypeName(type: string, language: string): string {
  const names = Object.hasOwn(eventTypeNames, type) ? eventTypeNames[type] : undefined;
  if (!names) return type;
  return names[languageOfLocale(language)];
}

/**
 * Sentences about which destinations take a type: the name alone is not enough there, as several systems share one
 * ("New order" is Teamcrop's order.add, Shopify's orders/create and Magento's sales_order_place_after), and the
 * destination's list of events shows each name beside its code.
 */
const NAMED_WITH_CODE = new Set(['routing.notTaken', 'routing.takenNow', 'resend.nowhere']);

/** A reason whose `{{type}}` is an event type's code, with the type said by its name, as the live log says it. */
export function withTypeNamed(reason: Reason, language: string): Reason {
  const type = reason.params.type;
  if (typeof type !== 'string') return reason;
  const name = eventTypeName(type, language);
  const said = NAMED_WITH_CODE.has(reason.code) && name !== type ? `${name} (${type})` : name;
  return { ...reason, params: { ...reason.params, type: said } };
}
