import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpSmsGateway } from './http-sms-gateway.js';
import { SmsDeliveryError } from './sms-gateway.js';

describe('HttpSmsGateway', () => {
  let server: Server;
  let url: string;
  let answer = 200;
  const received: { auth?: string; type?: string; body: unknown }[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        received.push({ auth: req.headers.authorization, type: req.headers['content-type'], body: JSON.parse(raw) });
        res.statusCode = answer;
        res.end('{}');
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const gateway = (over: Partial<{ httpUrl: string; httpTimeoutMs: number }> = {}) =>
    new HttpSmsGateway({ gateway: 'http', httpUrl: url, httpSecret: 'tok', httpTimeoutMs: 2000, ...over });

  it('posts phone, text and purpose with the bearer secret', async () => {
    await gateway().send({ phone: '13800138000', text: '验证码 123456', purpose: 'party_sign_in', courtId: 'c' });
    expect(received.at(-1)).toEqual({
      auth: 'Bearer tok',
      type: 'application/json',
      body: { phone: '13800138000', text: '验证码 123456', purpose: 'party_sign_in' },
    });
  });

  it('a refusal or an unreachable provider is a delivery error', async () => {
    answer = 503;
    await expect(gateway().send({ phone: '13800138000', text: 'x', purpose: 'p' })).rejects.toThrow(SmsDeliveryError);
    answer = 200;
    await expect(gateway({ httpUrl: 'http://127.0.0.1:1/send' }).send({ phone: '1', text: 'x', purpose: 'p' })).rejects.toThrow(
      /unreachable/,
    );
  });
});
