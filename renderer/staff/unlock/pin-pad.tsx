import { PIN_MAX_DIGITS } from '../../../shared/validation/staff-schemas';
import type { StaffText } from '../texts';
import './pin-pad.css';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Large digit buttons for a touch screen; the PIN field beside it takes a keyboard too. */
export function PinPad({ pin, onChange, text }: { pin: string; onChange: (pin: string) => void; text: StaffText }) {
  const press = (digit: string) => {
    if (pin.length < PIN_MAX_DIGITS) onChange(pin + digit);
  };
  return (
    <div className="pin-pad" role="group" aria-label={text.pinPad}>
      {DIGITS.map((digit) => (
        <button key={digit} type="button" onClick={() => press(digit)}>
          {digit}
        </button>
      ))}
      <button type="button" onClick={() => onChange(pin.slice(0, -1))}>
        {text.erase}
      </button>
      <button type="button" onClick={() => press('0')}>
        0
      </button>
    </div>
  );
}

/** Digits only, at most the longest PIN, whatever was typed or pasted. */
export const digitsOnly = (value: string) => value.replace(/\D/g, '').slice(0, PIN_MAX_DIGITS);
