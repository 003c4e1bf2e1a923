import { placeInside } from './placement';

const area = { width: 400, height: 300 };
const box = { width: 200, height: 100 };

describe('placeInside', () => {
  it('puts the popup below and right of the pointer when it fits', () => {
    expect(placeInside({ x: 10, y: 20 }, box, area)).toEqual({ left: 22, top: 32 });
  });

  it('flips to the left near the right edge and above near the bottom edge', () => {
    expect(placeInside({ x: 390, y: 290 }, box, area)).toEqual({ left: 178, top: 178 });
  });

  it('pins to the edge when neither side has room, keeping the top-left corner visible', () => {
    expect(placeInside({ x: 150, y: 100 }, { width: 350, height: 250 }, area)).toEqual({ left: 50, top: 50 });
    expect(placeInside({ x: 150, y: 100 }, { width: 500, height: 400 }, area)).toEqual({ left: 0, top: 0 });
  });

  it('always keeps a popup that fits the area wholly inside it', () => {
    for (let x = 0; x <= area.width; x += 25) {
      for (let y = 0; y <= area.height; y += 25) {
        const { left, top } = placeInside({ x, y }, box, area);
        expect(left).toBeGreaterThanOrEqual(0);
        expect(top).toBeGreaterThanOrEqual(0);
        expect(left + box.width).toBeLessThanOrEqual(area.width);
        expect(top + box.height).toBeLessThanOrEqual(area.height);
      }
    }
  });
});
