/**
 * Keeps a long-running Sentinel client alive through a race in ioredis 6.
 *
 * With `failoverDetector` on (so that a client follows a failover at once instead of
 * writing to the demoted master for several seconds), a `+switch-master` notice that
 * arrives while the client is already reconnecting (the old master was killed) aborts the
 * reconnect, and ioredis then ends the client for good ("Connection is closed.", status
 * `end`): the recorder, the sessions and BullMQ's worker would stay disconnected forever.
 * Found by test/redis/sentinel.test.ts (a killed master under an announcement).
 *
 * This marks the client as deliberately closed when `quit()` or `disconnect()` is called
 * (also by BullMQ) and otherwise connects it again after an unexpected `end`. Duplicates
 * (BullMQ makes its own for blocking commands) get the same treatment.
 */
let revived = 0;
/** How many unexpected ends were repaired in this process (tests print it). */
export function revivedConnections() {
    return revived;
}
export function reviveAfterUnexpectedEnd(client, delayMs = 250) {
    let closing = false;
    const quit = client.quit.bind(client);
    const disconnect = client.disconnect.bind(client);
    const connect = client.connect.bind(client);
    const duplicate = client.duplicate.bind(client);
    Object.assign(client, {
        quit: (...args) => {
            closing = true;
            return quit(...args);
        },
        disconnect: (reconnect = false) => {
            if (!reconnect)
                closing = true;
            disconnect(reconnect);
        },
        connect: (callback) => {
            closing = false;
            return connect(callback);
        },
        duplicate: (...args) => reviveAfterUnexpectedEnd(duplicate(...args), delayMs),
    });
    client.on('end', () => {
        if (closing)
            return;
        const timer = setTimeout(() => {
            if (closing || client.status !== 'end')
                return;
            revived += 1;
            connect().catch(() => undefined);
        }, delayMs);
        timer.unref();
    });
    return client;
}
//# sourceMappingURL=sentinel-revive.js.map