import { Controller, type ExecutionContext, Get, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { RouteMetadata } from './route-metadata.js';

const FLAG = 'test:flag';

@Controller('base')
@SetMetadata(FLAG, 'class')
class Base {
  @Get('own') @SetMetadata(FLAG, 'handler') own() {}
  @Get('inherited') inherited() {}
}

@Controller('sub')
@SetMetadata(FLAG, 'subclass')
class Sub extends Base {}

@Controller('plain')
class Plain {
  @Get('none') none() {}
}

const context = (handler: object, cls: object) =>
  ({ getHandler: () => handler, getClass: () => cls }) as unknown as ExecutionContext;

describe('RouteMetadata', () => {
  it('reads as Reflector.getAllAndOverride does: the handler first, then its class', () => {
    const metadata = new RouteMetadata(new Reflector());
    expect(metadata.get(FLAG, context(Base.prototype.own, Base))).toBe('handler');
    expect(metadata.get(FLAG, context(Base.prototype.inherited, Base))).toBe('class');
    expect(metadata.get(FLAG, context(Plain.prototype.none, Plain))).toBeUndefined();
  });

  it('keeps a handler inherited by two controllers apart, by class', () => {
    const metadata = new RouteMetadata(new Reflector());
    expect(metadata.get(FLAG, context(Base.prototype.inherited, Base))).toBe('class');
    expect(metadata.get(FLAG, context(Base.prototype.inherited, Sub))).toBe('subclass');
    expect(metadata.get(FLAG, context(Base.prototype.inherited, Base))).toBe('class');
  });

  it('asks the reflector once per handler, class and key, an absent value included', () => {
    const reflector = new Reflector();
    let reads = 0;
    const counting = Object.assign(Object.create(reflector) as Reflector, {
      getAllAndOverride: (...args: Parameters<Reflector['getAllAndOverride']>) => {
        reads++;
        return reflector.getAllAndOverride(...args);
      },
    });
    const metadata = new RouteMetadata(counting);
    for (let i = 0; i < 3; i++) {
      metadata.get(FLAG, context(Plain.prototype.none, Plain));
      metadata.get('test:other', context(Plain.prototype.none, Plain));
    }
    expect(reads).toBe(2);
  });
});
