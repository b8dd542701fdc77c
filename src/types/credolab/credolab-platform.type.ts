import { registerEnumType } from 'type-graphql';

/** The device platform a Credolab dataset was collected from (the vendor's `source` 0, 1, 2). */
export enum CredolabPlatform {
  ANDROID = 'ANDROID',
  IOS = 'IOS',
  WEB = 'WEB',
}

registerEnumType(CredolabPlatform, {
  name: 'CredolabPlatform',
  description: 'Where the credoSDK collected the dataset.',
});
