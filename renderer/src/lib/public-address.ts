import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PublicAddressStatus, Source } from '../../../main/api/contract';
import { useApp } from '../context';
import { keys } from '../data/keys';
import type { Engine } from './engine';

/** Where the public address stands; the live stream's `public-address` messages keep it current (data/live-cache). */
export const publicAddressQuery = (engine: Engine) =>
  queryOptions({ queryKey: keys.publicAddress, queryFn: () => engine.api('getPublicAddress') });

export function usePublicAddress(): PublicAddressStatus | null {
  return useQuery(publicAddressQuery(useApp().engine)).data ?? null;
}

/** The address a sender must use: the public one when there is one. */
export function intakeAddressOf(source: Source): string {
  return source.publicUrl ?? source.ingestUrl;
}

/** Whether the intake listens on this PC alone (127.0.0.1, not the shop's network): the words about who can send follow it. */
export function listensOnThisPcOnly(host: string | undefined): boolean {
  return host === undefined || host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** A value for a required header: long, random, and easy to paste (URL-safe base64 letters). */
export function newHeaderSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export const SECRET_HEADER = 'X-Hookferry-Key';
