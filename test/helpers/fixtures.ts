import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Real payloads, copied into the repository so a clone with nothing beside it runs its tests. */
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export const teamcropOrderRaw = readFileSync(join(FIXTURES, 'teamcrop', 'order.add.json'));
export const teamcropOrder = JSON.parse(teamcropOrderRaw.toString('utf8')) as Record<string, unknown>;
/** The Teamcrop order above as its body, under an invoice number of the test's, to find it by. */
export const order = (invoice: string) => JSON.stringify({ ...teamcropOrder, invoice_id: invoice });
/** The headers Teamcrop sends a new order with. */
export const orderAdd = { 'content-type': 'application/json', 'Tc-Webhook-Event': 'order.add' };
/** A destination's retry schedule of one try: what fails there fails at once (100 ms where a wait is asked for). */
export const once = { maxAttempts: 1, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 };

/** A WooCommerce order.created webhook (its REST order), from a Vietnamese customer whose form put Hoa as first name. */
export const wooOrderRaw = readFileSync(join(FIXTURES, 'woocommerce', 'order.created.json'));
export const wooOrder = JSON.parse(wooOrderRaw.toString('utf8')) as Record<string, unknown>;

/** POSTs a body to an intake URL. */
export async function post(url: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Some refusals (a connection cut on an oversized body) carry no JSON.
  }
  return { status: response.status, json };
}
