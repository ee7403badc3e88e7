export {
  createTwilioClient,
  RebasingTwilioRequestClient,
  type TwilioClient,
  type TwilioClientOptions,
} from './twilio-client.factory.js';
export {
  createSendGridMailer,
  type SendGridMailer,
  type SendGridMailerOptions,
} from './sendgrid-mailer.factory.js';
