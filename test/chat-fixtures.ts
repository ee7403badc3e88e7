import request from 'supertest';
import { testClientIp } from '@app/testing';
import { freshPhone } from './ingestion-fixtures.js';
import {
  type DeliveryPractice,
  type DeliveryStack,
  WEBSITE,
  conversationOfText,
} from './delivery-fixtures.js';

export interface ChatSession {
  sessionId: string;
  sessionToken: string;
}

/** A chat code the sandbox delivered, as the address's owner reads it. */
export interface ReceivedChatCode {
  code: string;
  text: string;
}

const CHAT_CODE_TEXT = /chat verification code is (\d{6})|in your chat with .* is (\d{6})/;

/**
 * A practice's website chat widget (allowed on WEBSITE) as its visitors use it, and where their
 * messages land: what the chat e2e tests share.
 */
export class ChatWidget {
  private constructor(
    private readonly stack: DeliveryStack,
    private readonly practice: DeliveryPractice,
    readonly widgetKey: string,
  ) {}

  static async create(stack: DeliveryStack, practice: DeliveryPractice): Promise<ChatWidget> {
    const widget = await stack.staff
      .post(
        '/v1/channels',
        { type: 'chat', name: 'Website chat', allowedOrigins: [WEBSITE] },
        practice.owner.accessToken,
      )
      .expect(201);
    return new ChatWidget(stack, practice, widget.body.widgetKey);
  }

  private http() {
    return request(this.stack.api.getHttpServer());
  }

  /** A visitor opens the chat, typing `body` (name, phone, email) into it. */
  async start(body: object = {}): Promise<ChatSession> {
    const res = await this.http()
      .post(`/v1/public/chat/${this.widgetKey}/sessions`)
      .set('Origin', WEBSITE)
      .set('X-Forwarded-For', testClientIp())
      .send(body)
      .expect(201);
    return res.body;
  }

  say(session: ChatSession, body: string) {
    return this.http()
      .post(`/v1/public/chat/sessions/${session.sessionId}/messages`)
      .set('Origin', WEBSITE)
      .set('Authorization', `Bearer ${session.sessionToken}`)
      .send({ body })
      .expect(201);
  }

  /** What the visitor can read (polling also keeps them present for the gate). */
  async read(session: ChatSession): Promise<Array<{ id: string; body: string }>> {
    const res = await this.http()
      .get(`/v1/public/chat/sessions/${session.sessionId}/messages`)
      .set('Authorization', `Bearer ${session.sessionToken}`)
      .expect(200);
    return res.body.data;
  }

  /** Asks for a code (`path` ''), or confirms one (`path` '/confirm'); the caller checks the answer. */
  verification(session: ChatSession, path: '' | '/confirm', body: object) {
    return this.http()
      .post(`/v1/public/chat/sessions/${session.sessionId}/verification${path}`)
      .set('Origin', WEBSITE)
      .set('X-Forwarded-For', testClientIp())
      .set('Authorization', `Bearer ${session.sessionToken}`)
      .send(body);
  }

  /** The chat codes the sandbox delivered to `to`, newest first (only that address's owner reads them). */
  async codesSentTo(to: string): Promise<ReceivedChatCode[]> {
    const codes: ReceivedChatCode[] = [];
    for (const sent of await this.stack.sentTo(to)) {
      const text = sent.body ?? sent.text ?? '';
      const found = CHAT_CODE_TEXT.exec(text);
      if (found) codes.push({ code: (found[1] ?? found[2])!, text });
    }
    return codes;
  }

  async conversationOfMessage(messageId: string): Promise<{ conversationId: string; contactId: string }> {
    const { rows } = await this.stack.owner.query(
      `SELECT conversation_id, contact_id FROM messages WHERE id = $1`,
      [messageId],
    );
    return { conversationId: rows[0].conversation_id, contactId: rows[0].contact_id };
  }

  /** A patient who texted the practice `text`: their phone is proven by the carrier. */
  async patientByText(
    text = 'Did my lab results come back?',
  ): Promise<{ phone: string; conversationId: string; contactId: string }> {
    const phone = freshPhone();
    return { phone, ...(await conversationOfText(this.stack, this.practice, phone, text)) };
  }
}
