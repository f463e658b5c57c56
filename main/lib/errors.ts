/** A request the merchant can fix: the admin API answers 400 with this sentence. */
export class InvalidInputError extends Error {}
