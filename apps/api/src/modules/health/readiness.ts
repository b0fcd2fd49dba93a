import { Injectable } from '@nestjs/common';

/**
 * Whether this node can serve what it announces. The server listens before the demo seed has
 * created its session, so until the boot says so (migrations applied — they run before the app
 * listens — and the demo seeded when SEED_DEMO asks for it), `GET /api/health` answers
 * `starting` with 503 and a load balancer keeps traffic away.
 */
@Injectable()
export class Readiness {
  private isReady = false;

  get ready(): boolean {
    return this.isReady;
  }

  /** Called once by the boot when the node is ready; health answers OK from then on. */
  markReady(): void {
    this.isReady = true;
  }
}
