import { Logger } from 'pino';
import { maskPhone } from '@jipin/core';

/** The SMS port. A real provider (阿里云短信, 腾讯云短信 …) is another driver of this interface. */
export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

export interface LoggedSms {
  phone: string;
  text: string;
  at: Date;
}

/**
 * Development driver: writes the message to the log (the phone masked, the
 * text in full so a developer can read the code) and keeps the last messages
 * in memory for whoever runs this process.
 */
export class LogSmsSender implements SmsSender {
  readonly sent: LoggedSms[] = [];

  constructor(private readonly logger: Logger) {}

  async send(phone: string, text: string): Promise<void> {
    this.logger.info({ sms: { to: maskPhone(phone), text } }, 'SMS (log driver)');
    this.sent.push({ phone, text, at: new Date() });
    if (this.sent.length > 1000) this.sent.shift();
  }

  lastTo(phone: string): LoggedSms | undefined {
    return [...this.sent].reverse().find((message) => message.phone === phone);
  }
}
