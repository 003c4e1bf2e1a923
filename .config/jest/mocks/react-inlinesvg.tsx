// Grafana's Icon loads SVGs over the network; tests render a plain placeholder instead.
import React from 'react';

type Callback = (...args: unknown[]) => void;

export interface StorageItem {
  content: string;
  queue: Callback[];
  status: string;
}

export const cacheStore: { [key: string]: StorageItem } = Object.create(null);

const SVG_FILE_NAME_REGEX = /(.+)\/(.+)\.svg$/;

const InlineSVG = ({ src }: { src: string }) => {
  const match = src.match(SVG_FILE_NAME_REGEX);
  if (match) {
    const [_fullMatch, _path, iconName] = match;
    return <svg id={iconName} data-testid={`icon-${iconName}`} />;
  }
  return <svg id={src} data-testid={`icon-${src}`} />;
};

export default InlineSVG;
