import { CREDEAU_SIMULATOR_CREDENTIALS, GROUPINGS, type CredeauSimulator } from '../../src/simulators/credeau/credeau.simulator';

/** One customer's raw Credeau insights body, as the simulator serves it to the server. */
export async function fetchCredeauBody(credeau: CredeauSimulator, userId: string): Promise<Buffer> {
  const { clientId, authToken } = CREDEAU_SIMULATOR_CREDENTIALS;
  const response = await fetch(`${credeau.url}/api/insights`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-client-id': clientId, 'x-auth-token': authToken },
    body: JSON.stringify({ user_id: userId, client_id: clientId, groupings: GROUPINGS }),
  });
  if (response.status !== 200) throw new Error(`the Credeau simulator answered ${response.status} for ${userId}`);
  return Buffer.from(await response.arrayBuffer());
}
