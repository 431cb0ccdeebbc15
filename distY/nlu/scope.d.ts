import { type IntentScore } from '../core/types.js';
import type { TopicScoreEntry } from './topic-model.js';
export declare const PARKING_TOPIC = "parking";
export declare const TRAFFIC_INTENT = "out_of_scope.traffic";
/**
 * True when the text names a motor vehicle and no vehicle of the parking topic, or names the
 * parking topic's vehicles only as ridden, in clauses of their own, while the cars are parked
 * ("路边车位总是停满了小汽车，骑电动车的人都被挤到机动车道上去"): the cars are what is parked.
 */
export declare function namesOnlyMotorVehicles(normalized: string): boolean;
/**
 * The ranking with the parking topic's scores moved to the traffic redirect when the text
 * names only motor vehicles (highest first; the total is unchanged). Any other text: as is.
 */
export declare function withVehicleScope(ranking: IntentScore[], normalized: string): IntentScore[];
/** True when the text names a bike of the parking topic and tells of a riding or registration rule, and of no bike parked or left. */
export declare function tellsOfRidingRules(normalized: string): boolean;
/** The ranking with the parking topic's scores moved to the traffic redirect when the text tells of how a bike is ridden (`tellsOfRidingRules`). */
export declare function withRidingScope(ranking: IntentScore[], normalized: string): IntentScore[];
/** True when the text names the police and not the bureau. */
export declare function namesOnlyPolice(normalized: string): boolean;
/** The ranking with the fines, seizure and conduct topics' scores moved to the police redirect when the text names only the police. */
export declare function withPoliceScope(ranking: IntentScore[], normalized: string): IntentScore[];
/** The out-of-scope intent a text's fines, seizure and conduct belong to when it names only another department's decision; undefined otherwise. */
export declare function otherAgencyOf(normalized: string): string | undefined;
/** The ranking with the fines, seizure and conduct topics' scores (and, for a traffic penalty, parking's) moved to that department's redirect when the text names only another department's decision (`otherAgencyOf`). */
export declare function withAgencyScope(ranking: IntentScore[], normalized: string): IntentScore[];
/**
 * True when the text tells of charging a vehicle of the parking topic, and every sentence of it
 * naming such a vehicle tells of charging: a letter about bikes on the pavement that mentions
 * charging in the stairwell in passing stays with parking.
 */
export declare function tellsOfCharging(normalized: string): boolean;
/** The ranking with the parking topic's scores moved to the fire-safety redirect when the text tells of charging an e-bike (`tellsOfCharging`). */
export declare function withChargingScope(ranking: IntentScore[], normalized: string): IntentScore[];
/** True when the text tells of a gas appliance that will not light, and of no smell or leak. */
export declare function tellsOfIgnitionOnly(normalized: string): boolean;
/** The ranking with the leak intent's score added to the repair intent's when the text tells only of an appliance that will not light. */
export declare function withIgnitionScope(ranking: IntentScore[], normalized: string): IntentScore[];
/** True when the text names gas and tells of its bill, meter, top-up or supply, and of no danger or safety inspection. */
export declare function tellsOfGasBill(normalized: string): boolean;
/** The ranking with the gas topic's scores moved to the utilities redirect when the text tells of a gas bill (`tellsOfGasBill`). */
export declare function withGasBillScope(ranking: IntentScore[], normalized: string): IntentScore[];
/** True when the text asks which bin or class an item goes in (`WHICH_BIN`). */
export declare function asksWhichBin(normalized: string): boolean;
/** True when a short text asks, in one sentence, when the rubbish is put out or taken (`RUBBISH_ROUND`, `ASKS_WHEN`). */
export declare function asksRubbishTimes(normalized: string): boolean;
/**
 * The ranking with "not ours" moved to the sorting answer when it leads (the sum of its intents)
 * and the text asks which bin an item goes in; when it asks when the rubbish is taken, every
 * topic's scores but small talk's move to it.
 */
export declare function withSortingScope(ranking: IntentScore[], normalized: string): IntentScore[];
/** True when the text tells of a neighbour's household noise (`HOUSEHOLD_NOISE`), and of none of the bureau's sources or a business. */
export declare function tellsOfNeighbourNoise(normalized: string): boolean;
/** The redirect for noise from a source that is not the bureau's (`INDUSTRIAL_NOISE`, `TRAFFIC_NOISE`, a neighbour's home); undefined otherwise. */
export declare function noiseOwnerOf(normalized: string): string | undefined;
/** True when the text hears building work at night (`BUILDING_SOUND_AT_NIGHT`): a matter of its own after a report on something else. */
export declare function hearsBuildingAtNight(normalized: string): boolean;
/** The ranking with "not ours" moved to night construction noise when building work is heard at night (`hearsBuildingAtNight`). */
export declare function withNightBuildingScope(ranking: IntentScore[], normalized: string): IntentScore[];
/** The ranking with the noise topic's scores moved to the source's redirect (`noiseOwnerOf`). */
export declare function withNoiseSourceScope(ranking: IntentScore[], normalized: string): IntentScore[];
/** True when the text tells of decoration heard (`DECORATION` with `HEARD`, or `DECORATION_SOUND`). */
export declare function tellsOfDecorationNoise(normalized: string): boolean;
/** The ranking with the neighbour redirect's score moved to the decoration answer when the text tells of decoration heard. */
export declare function withDecorationScope(ranking: IntentScore[], normalized: string): IntentScore[];
/** The redirect of another's matter the text tells of (wages, a fight or a theft, a manhole cover, an expropriation's compensation, a neighbour's water, a dog off the lead, an owners' committee's affairs, a buyer's claim on the seller, a land dispute); undefined otherwise. */
export declare function othersMatterOf(normalized: string): string | undefined;
/** The text without its sentences that bring a matter up in passing (`IN_PASSING`); the whole text when every sentence does. */
export declare function withoutAsides(normalized: string): string;
/** The ranking with every bureau topic's scores moved to the redirect of another's matter the text tells of (`othersMatterOf`), not in passing. */
export declare function withOthersMatterScope(ranking: IntentScore[], normalized: string): IntentScore[];
/** True when the text tells of a livestock farm's pollution (`FARM`, `FARM_POLLUTION`). */
export declare function tellsOfFarmPollution(normalized: string): boolean;
/** The ranking with the city-appearance topic's scores moved to the environment redirect when the text tells of a farm's pollution. */
export declare function withFarmScope(ranking: IntentScore[], normalized: string): IntentScore[];
/** The redirect for a complaint made to (or about) another body (`COMPLAINED_BODIES`), named next to the complaint; undefined otherwise. */
export declare function otherBodyComplainedTo(normalized: string): string | undefined;
/**
 * "环保局电话多少", "那交通局电话多少", "房管局怎么联系": how to reach another department, as a whole
 * message — that department's redirect (which says where to go, or 12345), whatever came before;
 * undefined when no department is named or the bureau is. It was the hint to name the matter
 * after a redirect, or a decline that named no department.
 */
export declare function departmentAsked(normalized: string): string | undefined;
/** True when the text tells of what an advertisement claims (`AD_CLAIM`). */
export declare function tellsOfAdClaim(normalized: string): boolean;
/** The ranking with the outdoor-ads topic's scores moved to the advertising redirect when the text tells of what an advertisement claims. */
export declare function withAdClaimScope(ranking: IntentScore[], normalized: string): IntentScore[];
/**
 * The same rule on a topic ranking (a sentence of a letter): the parking topic's score moves
 * to "not ours" when the text names only motor vehicles, so "门口人行道上停满了汽车" in a
 * fumes letter does not name the e-bike answer as another topic. Any other text: as is.
 */
export declare function topicsWithVehicleScope(ranking: TopicScoreEntry[], normalized: string): TopicScoreEntry[];
