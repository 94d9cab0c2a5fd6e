import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { statusOf, waitFor } from './replica.ts';

/** Debian's nginx binary, or null when it is not installed (`apt-get install nginx`). */
export function findNginx(): string | null {
  for (const candidate of [process.env.NGINX, '/usr/sbin/nginx', '/usr/bin/nginx']) if (candidate && existsSync(candidate)) return candidate;
  return null;
}

/**
 * The balancer's configuration: round robin over the replicas; a replica that refuses the
 * connection (its listener closed while it drains) or cannot be reached is skipped for a second
 * and the request goes to the next one. POSTs too (`non_idempotent`): the schema has no mutations,
 * so every POST is a query, safe to send twice; without it, a connection the kernel had accepted
 * just before the draining replica closed its listener is reset after nginx sent the request, and
 * that POST was answered 502 (seen: 1 in 4,790 requests over three restarts). No keep-alive to
 * the upstreams: each request opens its own connection, so none is cut while a replica closes.
 * Every path is in `dir` (pid, logs, temp files): it runs beside any system nginx.
 */
export function nginxConfig(dir: string, listenPort: number, upstreamPorts: readonly number[]): string {
  const temp = (name: string) => path.join(dir, name);
  return `daemon off;
master_process on;
worker_processes 1;
pid ${temp('nginx.pid')};
error_log ${temp('error.log')} warn;
events { worker_connections 1024; }
http {
  access_log ${temp('access.log')};
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  upstream talk_graph {
${upstreamPorts.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=1s;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${listenPort};
    location / {
      proxy_pass http://talk_graph;
      proxy_set_header Host $host;
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
      proxy_next_upstream_tries 3;
    }
  }
}
`;
}

export class Nginx {
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);
  readonly dir: string;
  readonly port: number;

  constructor(dir: string, port: number) {
    this.dir = dir;
    this.port = port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Runs `binary` in the foreground with its own configuration; resolves when it proxies /health. */
  async start(binary: string, upstreamPorts: readonly number[]): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const conf = path.join(this.dir, 'nginx.conf');
    writeFileSync(conf, nginxConfig(this.dir, this.port, upstreamPorts));
    const child = spawn(binary, ['-p', this.dir, '-c', conf, '-e', path.join(this.dir, 'error.log')], { stdio: ['ignore', 'inherit', 'inherit'] });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    let gone = false;
    void this.exited.then(() => (gone = true));
    await waitFor(
      async () => {
        if (gone) throw new Error(`nginx exited at start (see ${this.dir}/error.log)`);
        return (await statusOf(`${this.url}/health`)) === 200;
      },
      'nginx proxying',
      20_000,
    );
  }

  /** SIGQUIT: nginx's graceful stop. */
  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill('SIGQUIT');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(timer);
  }
}
