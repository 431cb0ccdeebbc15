/** Shared data types of the pure core. Nothing here touches the network or the disk. */
export const OUT_OF_SCOPE_TOPIC = 'out_of_scope';
export const CHITCHAT_TOPIC = 'chitchat';
/** Fines and the rights against them (罚款与救济): their answers hold for any matter. */
export const PENALTY_TOPIC = 'penalty_rights';
//# sourceMappingURL=types.js.map