import { createInterface } from 'node:readline';
import { AdminInputError } from './admin';

/** Reads one line without echoing it (a terminal), or the first line of piped input. */
export async function readLine(question: string, hidden: boolean): Promise<string> {
  const { stdin, stdout } = process;
  if (!stdin.isTTY) {
    const rl = createInterface({ input: stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  stdout.write(question);
  stdin.setRawMode(hidden);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      if (hidden) stdout.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        // Ctrl-C or Ctrl-D: give up without creating anything.
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new AdminInputError('Cancelled.'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** Asks for the password twice in a terminal; once from a pipe. */
export async function readPassword(): Promise<string> {
  const first = await readLine('Password (12+ characters): ', true);
  if (!process.stdin.isTTY) return first;
  const second = await readLine('Same password again: ', true);
  if (first !== second) throw new AdminInputError('The two passwords differ.');
  return first;
}
