// One HTTP request to a preview with exactly the headers given (fetch would not let a test set Host),
// for the preview's tests.
import { request as httpRequest } from 'node:http';

export interface Answer {
  status: number;
  body: string;
}

export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      // The event stream stays open: its status is the answer.
      if (res.headers['content-type'] === 'text/event-stream') {
        res.destroy();
        resolve({ status: res.statusCode ?? 0, body: '' });
        return;
      }
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
