import type { Sender } from './sender.js';

/**
 * Anything that can call a URL. It recognises every other kind's event header
 * too (a generic source called by Teamcrop still reads `Tc-Webhook-Event`), and
 * Standard Webhooks' `webhook-id` and `webhook-signature`.
 */
export const generic: Sender = {
  kind: 'generic',
  label: { en: 'Any system (generic)', vi: 'Hệ thống bất kỳ (chung)' },
  guide: {
    en: 'Point any system that can call a URL at the intake address. The event type is read from common headers (X-Event-Type, X-Webhook-Event, …) or an event/type/topic field in the body. Teamcrop, Shopify, WooCommerce and Magento work here too: their event headers are recognised, though their own kinds also give their setup steps and signature defaults.',
    vi: 'Dán địa chỉ nhận vào hệ thống bất kỳ có thể tự gửi thông báo tới một địa chỉ web. Loại sự kiện được đọc từ các trường tiêu đề (header) phổ biến (X-Event-Type, X-Webhook-Event, …) hoặc trường event/type/topic trong nội dung. Teamcrop, Shopify, WooCommerce và Magento cũng dùng được ở đây: trường tiêu đề về loại sự kiện của chúng được nhận ra, nhưng loại riêng của từng hệ thống còn có hướng dẫn cài đặt và chữ ký mặc định.',
  },
  verification: { recommended: 'none', signature: null, headerExample: 'X-Shop-Key' },
  groups: [],
  eventTypeHeaders: ['x-event-type', 'x-webhook-event'],
  recognisesOtherSenders: true,
  deliveryIdHeaders: ['webhook-id'],
  secretHeaders: ['webhook-signature'],
  summaries: [],
};
