// The record signatures of the zip format (APPNOTE 4.3), shared by the writer and the reader.
export const LOCAL = 0x04034b50;
export const CENTRAL = 0x02014b50;
export const EOCD = 0x06054b50;
export const EOCD64 = 0x06064b50;
export const EOCD64_LOCATOR = 0x07064b50;
