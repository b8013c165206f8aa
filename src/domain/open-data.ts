// The open data's licence (OParl System.license and Body.license; docs/oparl.md). Creative
// Commons Zero: the data may be reused without conditions. The installation may choose another
// (OPARL_LICENSE), and a municipality its own (body.oparl_license).
export const DEFAULT_OPEN_DATA_LICENSE = 'https://creativecommons.org/publicdomain/zero/1.0/';
