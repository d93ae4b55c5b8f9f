// What the guided session does beyond the screen: beeps (Web Audio, off until the patient turns
// them on), vibration where the device has it, and the screen kept awake while it plays.

/** @typedef {"step" | "rep"} Cue a new step (long) or a new repetition (short) */

const PITCH = { step: 880, rep: 660 };
const LENGTH = { step: 0.25, rep: 0.08 };
const BUZZ = { step: [120, 60, 120], rep: [40] };

/** Beeps made in the page, with no sound file: a short tone per cue. */
export class Beeper {
  /** @type {AudioContext | null} */
  #context = null;

  /** Made on the patient's own tap, as browsers require before any sound. */
  wake() {
    if (!this.#context && typeof AudioContext === "function") this.#context = new AudioContext();
    this.#context?.resume().catch(() => {});
  }

  /** @param {Cue} cue */
  play(cue) {
    const context = this.#context;
    if (!context || context.state !== "running") return;
    const tone = context.createOscillator();
    const volume = context.createGain();
    tone.frequency.value = PITCH[cue];
    volume.gain.setValueAtTime(0.2, context.currentTime);
    volume.gain.exponentialRampToValueAtTime(0.001, context.currentTime + LENGTH[cue]);
    tone.connect(volume).connect(context.destination);
    tone.start();
    tone.stop(context.currentTime + LENGTH[cue]);
  }
}

/**
 * A buzz, where the device can vibrate.
 * @param {Cue} cue
 */
export function buzz(cue) {
  if (typeof navigator.vibrate === "function") navigator.vibrate(BUZZ[cue]);
}

/** Whether this browser can vibrate at all: the switch is shown only then. */
export function canVibrate() {
  return typeof navigator.vibrate === "function";
}

/**
 * Keeps the screen on while the session plays, where the browser allows it (the Screen Wake
 * Lock API); the browser drops the lock when the page is hidden, and it is asked for again when
 * the page shows while playing.
 */
export class Awake {
  /** @type {WakeLockSentinel | null} */
  #lock = null;
  #wanted = false;

  constructor() {
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible" && this.#wanted) this.#request();
      else if (document.visibilityState === "hidden") this.#drop();
    });
  }

  /** @param {boolean} wanted */
  set(wanted) {
    this.#wanted = wanted;
    if (wanted) this.#request();
    else this.#drop();
  }

  #request() {
    if (this.#lock || !("wakeLock" in navigator) || document.visibilityState !== "visible") return;
    navigator.wakeLock
      .request("screen")
      .then((lock) => {
        if (this.#wanted) this.#lock = lock;
        else lock.release().catch(() => {});
        lock.addEventListener("release", () => {
          if (this.#lock === lock) this.#lock = null;
        });
      })
      .catch(() => {
        // Refused (battery saver, or not allowed): the session plays on; the screen may sleep.
      });
  }

  #drop() {
    const lock = this.#lock;
    this.#lock = null;
    lock?.release().catch(() => {});
  }
}
