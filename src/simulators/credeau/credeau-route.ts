import type { SimulatorRequest, SimulatorResponse } from '../simulator-server';

/**
 * Extra Credeau routes (SMS extraction) plug into the Credeau simulator so both share one host, auth and
 * call log. Its own file: the simulator imports the routes and the routes need this type, so keeping it
 * in either would make the two import each other.
 */
export type CredeauRoute = (request: SimulatorRequest, userId: string) => SimulatorResponse | Promise<SimulatorResponse>;
