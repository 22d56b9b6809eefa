# async def, await, async for, async with, async comprehensions.
async def fetch(url):
    response = await session.get(url)
    return await response.json()

async def gen():
    yield 1
    await asyncio.sleep(0)

async def main():
    async for item in aiter_items():
        print(item)
    else:
        done()
    async with lock:
        pass
    async with a as x, b as y:
        pass
    async with (a as x, b):
        pass
    results = [await f(x) async for x in source if await pred(x)]
    ids = {x async for x in source}
    table = {k: v async for k, v in pairs}
    lazy = (x async for x in source)
    nested = [y for x in xs async for y in x]
    value = await (await nested())
    neg = -await x
    power = await x ** 2

class Service:
    async def handle(self, request):
        async with self.lock:
            return await self.process(request)
