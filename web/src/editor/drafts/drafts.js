// The drafts of the editor page: which one is open, opening, creating, renaming and deleting
// them, the autosave of text and view, and the warnings about other tabs on the same draft.
import { Autosaver, snapshotDelayMs } from './autosave.js';
import { DraftSession } from './draft-session.js';
import { newDraftId } from './storage.js';
import { DraftsMenu } from './drafts-menu.js';
import { EditJournal } from './journal.js';
import { TabPresence } from './tab-presence.js';

export class Drafts {
  editor = null;  // set once the editor is built
  #store;
  #settings;
  #notices;
  #saveFlow;
  #show;

  /**
   * `saveFlow`: shows the save state and reports storage failures. `title()`: the post's
   * title. `show(record)`: puts a draft's text, cursor and scroll into the editor.
   */
  constructor({ store, tabId, settings, notices, saveFlow, panel, title, show }) {
    this.#store = store;
    this.#settings = settings;
    this.#notices = notices;
    this.#saveFlow = saveFlow;
    this.#show = show;
    const reportStorage = (error) => saveFlow.reportStorage(error);

    this.presence = new TabPresence({
      tabId,
      onChange: (count) => {
        if (count > 0) {
          notices.show('other-tab', {
            level: 'warning',
            message: 'This draft is also open in another tab. Edit it in one tab only: if both change it, the later save becomes a separate copy.',
          });
        } else notices.hide('other-tab');
      },
      onRemoteSave: ({ draftId, rev }) => {
        if (rev <= this.session.baseRev) return;
        notices.show('remote-save', {
          level: 'warning',
          message: 'Another tab saved a newer version of this draft. If you keep typing here, your version is saved as a copy.',
          // Unsaved text here is flushed first, which keeps it as a copy; then the newer version opens.
          actions: [{ label: 'Load the newer version', run: () => this.open(draftId) }],
        });
      },
      onRemoteFork: ({ toLabel }) => {
        notices.show('remote-fork', {
          level: 'warning',
          message: `Another tab changed this draft too, after your save. Nothing was overwritten: its text is kept as "${toLabel}" (see Drafts).`,
        });
        this.refresh();
      },
    });

    this.journal = new EditJournal();
    this.journal.open();  // its own database: open it now, so the first change is written in its task
    this.session = new DraftSession({
      store, presence: this.presence, tabId, journal: this.journal,
      snapshot: () => ({ ...this.editor.getSelection(), text: this.editor.getText(), scrollLine: this.editor.savedTopLine(), title: title() }),
      onFork: ({ fromLabel, toLabel }) => {
        notices.hide('remote-save');
        notices.show('forked', {
          level: 'warning',
          message: `Another tab changed "${fromLabel}" too. Nothing was overwritten: your text here is saved as "${toLabel}".`,
        });
        settings.save({ currentDraftId: this.session.id });
        this.refresh();
      },
    });

    this.autosaver = new Autosaver({
      save: async () => {
        saveFlow.setState('saving');
        await this.session.save();
        notices.hide('storage');
        saveFlow.setState(this.autosaver.dirty ? 'dirty' : 'saved');
      },
      onError: reportStorage,
      delayMs: () => snapshotDelayMs(this.editor?.view.state.doc.length ?? 0),
    });
    this.viewSaver = new Autosaver({ save: () => this.session.saveView(), onError: () => {} });

    this.menu = new DraftsMenu(panel, {
      onOpen: (id) => this.open(id),
      onNew: () => this.create(newPostTemplate(), {}),
      onRename: async (name) => {
        await store.rename(this.session.id, name).catch(reportStorage);
        this.session.meta = { ...this.session.meta, name };
        this.refresh();
      },
      onDelete: async () => {
        // Pending saves first: a save landing after the delete would bring the draft back.
        await this.autosaver.flush();
        await this.viewSaver.flush();
        const gone = this.session.id;
        await store.remove(gone).catch(reportStorage);
        this.journal.dropDraft(gone);
        const rest = (await store.list().catch(() => [])).filter((m) => m.id !== gone);
        if (rest.length) await this.open(rest[0].id, { flush: false });
        else await this.create(newPostTemplate(), { flush: false });
      },
    });
  }

  async refresh() {
    try {
      this.menu.show(await this.#store.list(), this.session.id);
    } catch (error) {
      this.#saveFlow.reportStorage(error);
    }
  }

  /** Opens the stored draft `id`; resolves to false if it cannot be read. */
  async open(id, { flush = true } = {}) {
    if (flush) await this.autosaver.flush();
    const record = await this.session.open(id).catch((error) => { this.#saveFlow.reportStorage(error); return null; });
    if (!record) return false;
    this.#notices.hide('remote-save');
    this.#show(record);
    if (record.recovered) this.autosaver.markDirty();  // the journal's changes become a snapshot
    this.#settings.save({ currentDraftId: id });
    this.refresh();
    return true;
  }

  /** Starts a new draft holding `text`. */
  async create(text, { name = '', flush = true } = {}) {
    if (flush) await this.autosaver.flush();
    this.#show({ text, anchor: 0, head: 0, scrollLine: 1 });
    // The pointer to the new draft is issued before its first record (same store, so committed
    // first): once the draft exists, a killed browser reopens it, not the draft left before.
    const id = newDraftId();
    this.#settings.save({ currentDraftId: id });
    try {
      await this.session.create(text, { id, name, title: '' });
    } catch (error) {
      this.#saveFlow.reportStorage(error);
    }
    this.refresh();
  }

  /** A change made in the editor: journaled at once (journal.js), saved by the autosaver. */
  recordChange(changes) {
    this.session.recordChange(changes);
    this.autosaver.markDirty();
  }

  /** At page load: the draft this browser had open, else the newest, else a new one holding `seed`. */
  async openInitial(seed) {
    let opened = false;
    const { currentDraftId } = this.#settings.values;
    if (currentDraftId) opened = await this.open(currentDraftId, { flush: false });
    if (!opened) {
      // Unreadable storage is said, not hidden behind a fresh draft (the stored ones stay).
      const drafts = await this.#store.list().catch((error) => { this.#saveFlow.reportStorage(error); return []; });
      if (drafts.length) opened = await this.open(drafts[0].id, { flush: false });
    }
    if (!opened) await this.create(seed, { name: '', flush: false });
  }
}

function newPostTemplate() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  const offset = -now.getTimezoneOffset();
  const tz = `${offset >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`;
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())} ${tz}`;
  return `---\ntitle: Untitled\ndate: ${date}\ncategories: []\ntags: []\n---\n\n`;
}
