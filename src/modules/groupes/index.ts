/** What other modules may use from the groupes de parole: nothing yet. The web's types, inferred from the response schemas (the words for themes are the web's: web/features/groupes/labels.ts): */
export type { Blocks, History, MessageView, Moderation, Posted, Room, RoomSummary, Rooms, Session, Settings, WordCheck, Words } from './groupes.schemas';
