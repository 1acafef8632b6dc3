/** Megabytes, or kilobytes under one megabyte (a few small files are not "0 MB"). */
export const mb = (n: number): string =>
  n < 1024 * 1024
    ? `${Math.ceil(n / 1024).toLocaleString()} KB`
    : `${(n / 1024 / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;
